# source: http://runxinzhi.com/cxhzy-p-13399707.html (blog notes on tf.GradientTape(persistent, watch_accessed_variables))
# reported: The notes explain that watch_accessed_variables controls whether trainable variables are watched automatically: with False the variable is not monitored and the derivative comes out as None unless tape.watch(x) is added by hand.
# observed (TF 2.21): with watch_accessed_variables=False and no tape.watch, both tape.gradient calls return None at lines 15 and 16; the later cells (watched by default, second derivative, partial derivatives) return values.
import tensorflow as tf

###############################
# tf.GradientTape(persistent, watch_accessed_variables)
print('############### derivative of a function of one variable ##############')
x = tf.Variable(3.)
# x = tf.constant(3.)
with tf.GradientTape(persistent=True, watch_accessed_variables=False) as tape:
    # tape.watch(x)  # add the watch by hand
    y = 3 * pow(x, 3) + 2 * x
    z = pow(x, 4)
dy_dx = tape.gradient(y, x)  # expect: TFG003
dz_dx = tape.gradient(z, x)  # expect: TFG003
print('y:', y)
print('dy/dx:', dy_dx)
print('z:', z)
print('dz/dx:', dz_dx)
print()
del tape

print('############### same cell with the default watch_accessed_variables=True ##############')
with tf.GradientTape(persistent=True, watch_accessed_variables=True) as tape:
    y = 3 * pow(x, 3) + 2 * x
    z = pow(x, 4)
dy_dx = tape.gradient(y, x)
dz_dx = tape.gradient(z, x)
print('dy/dx:', dy_dx, 'dz/dx:', dz_dx)
del tape

print('############### second derivative ##############')
x = tf.Variable(10.)
with tf.GradientTape() as tape1:
    with tf.GradientTape() as tape2:
        y = pow(x, 2)
    y2 = tape2.gradient(y, x)
y3 = tape1.gradient(y2, x)
print('second derivative of x**2 at x=10:', y3)

print('############### partial derivatives ##############')
x = tf.Variable(4.)
y = tf.Variable(2.)
with tf.GradientTape(persistent=True) as tape:
    z = pow(x, 2) + x * y
dz_dx, dz_dy = tape.gradient(z, [x, y])
result = tape.gradient(z, [x, y])
print('dz/dx:', dz_dx, 'dz/dy:', dz_dy, 'result:', result)
