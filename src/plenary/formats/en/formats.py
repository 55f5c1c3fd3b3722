# United Nations English writes the day first ("30 April 2021", UN Editorial Manual),
# not Django's American "April 30, 2021".
DATE_FORMAT = "j F Y"
